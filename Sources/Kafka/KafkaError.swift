// placeholder: replaced by the Kafka client

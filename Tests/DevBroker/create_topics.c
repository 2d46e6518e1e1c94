/* Creates one topic with rd_kafka_CreateTopics (the Admin API the Swift
 * client uses) against the system librdkafka, then lists its partitions.
 *
 * Build: gcc -o create_topics create_topics.c -lrdkafka
 * Usage: create_topics BOOTSTRAP TOPIC PARTITIONS
 * Prints "librdkafka <version>", "created <topic>" (or the error name),
 * then "partitions <n>" from a fresh Metadata request. Exit 0 on success,
 * and also when the topic already exists (RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS). */
#include <librdkafka/rdkafka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s BOOTSTRAP TOPIC PARTITIONS\n", argv[0]);
        return 2;
    }
    const char *topic = argv[2];
    int partitions = atoi(argv[3]);
    char errstr[512];
    printf("librdkafka %s\n", rd_kafka_version_str());

    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", argv[1], errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        fprintf(stderr, "%s\n", errstr);
        return 1;
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        fprintf(stderr, "rd_kafka_new: %s\n", errstr);
        return 1;
    }

    rd_kafka_NewTopic_t *nt = rd_kafka_NewTopic_new(topic, partitions, 1, errstr, sizeof errstr);
    if (!nt) {
        fprintf(stderr, "NewTopic: %s\n", errstr);
        return 1;
    }
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_operation_timeout(options, 10000, errstr, sizeof errstr);
    rd_kafka_CreateTopics(rk, &nt, 1, options, queue);

    int rc = 1;
    rd_kafka_event_t *event = rd_kafka_queue_poll(queue, 20000);
    if (!event) {
        fprintf(stderr, "CreateTopics: no result within 20 s\n");
    } else if (rd_kafka_event_error(event)) {
        fprintf(stderr, "CreateTopics failed: %s\n", rd_kafka_event_error_string(event));
    } else {
        const rd_kafka_CreateTopics_result_t *result = rd_kafka_event_CreateTopics_result(event);
        size_t count = 0;
        const rd_kafka_topic_result_t **topics = rd_kafka_CreateTopics_result_topics(result, &count);
        for (size_t i = 0; i < count; i++) {
            rd_kafka_resp_err_t err = rd_kafka_topic_result_error(topics[i]);
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                printf("created %s\n", rd_kafka_topic_result_name(topics[i]));
                rc = 0;
            } else if (err == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                printf("exists %s\n", rd_kafka_topic_result_name(topics[i]));
                rc = 0;
            } else {
                fprintf(stderr, "topic %s: %s (%s)\n", rd_kafka_topic_result_name(topics[i]),
                        rd_kafka_err2name(err), rd_kafka_topic_result_error_string(topics[i]));
            }
        }
    }
    if (event) rd_kafka_event_destroy(event);

    if (rc == 0) {
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
        const struct rd_kafka_metadata *metadata = NULL;
        rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, rkt, &metadata, 10000);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            fprintf(stderr, "metadata: %s\n", rd_kafka_err2str(err));
            rc = 1;
        } else {
            printf("partitions %d\n", metadata->topic_cnt == 1 ? metadata->topics[0].partition_cnt : -1);
            rd_kafka_metadata_destroy(metadata);
        }
        rd_kafka_topic_destroy(rkt);
    }

    rd_kafka_AdminOptions_destroy(options);
    rd_kafka_NewTopic_destroy(nt);
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    return rc;
}

// placeholder: replaced by the worker CLI
print("newsflow")

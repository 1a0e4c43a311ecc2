// DynamoDB tests land here.

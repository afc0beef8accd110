-- Idempotency keys: a retried request (same caller, same key) gets the first response back
-- instead of running again. The key is claimed inside the transaction of the change it guards,
-- so the claim and the change commit or roll back together; the response is stored right after.

CREATE TABLE idempotency_keys (
    caller_uid bigint NOT NULL,
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    method text NOT NULL,
    path text NOT NULL,
    request_body bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    response_status integer,
    response_content_type text,
    response_body bytea,
    PRIMARY KEY (caller_uid, key)
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

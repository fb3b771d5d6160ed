// API tokens are found by the SHA-256 of their secret on every request; two tokens never share one.
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE

"""The benchmark, `python -m bench` (bench/run): the bot with credentials on, against both SDKs' echo bots and
the protocol's limit on one core; `status` on ten years of check-ins (see bench/__main__.py)."""

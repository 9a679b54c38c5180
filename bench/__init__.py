"""Benchmarks: `python -m bench` (throughput and latency per command, against the SDK's echo bot and the
protocol's limit), `python -m bench.fanout` (one prompt to many channels through the Notifier) and
`python -m bench.replicas` (one and two server processes on one PostgreSQL database; exactly-once posting)."""

"""Benchmarks: `python -m bench` (throughput and latency per command, against the SDK's echo bot and the
protocol's limit) and `python -m bench.fanout` (one prompt to many channels through the Notifier)."""

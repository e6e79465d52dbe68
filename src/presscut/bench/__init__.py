"""Benchmarks: synthetic inputs and timing runs."""

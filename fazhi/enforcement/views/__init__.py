"""Pages of 行政执法监督, a module per sub-domain."""

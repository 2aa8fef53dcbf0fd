"""Agency replies: reading files safely, the rule-based reader, importing into the log."""

"""Who is who and what is what across reports: cross-report merging of events, near-duplicate reports."""

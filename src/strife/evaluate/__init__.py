"""Scoring strife against gold: strife-record gold, ACLED exports, MUC-4 answer keys."""

"""Dictionaries: CAMEO actor, agent and verb files (loader, verbfile) and the CAMEO code table."""

"""The coding stages: read, structure, parse, pre-filter, actors, events, modality, places.

`pipeline` runs them in order over one document; each module is one stage.
"""

"""Named-entity recognition at run time: the stanza tagger, its decoder (spans, coordinated names, quotes),
the dictionary's constraints on its tags, and the consistency steps after it. Training and scoring live in
``extractor_lab/ner/``."""

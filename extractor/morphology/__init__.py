"""Morphology: pymorphy3 analyses and the context-aware lemma chooser."""

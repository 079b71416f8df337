"""Rule-based extractors that work beside the NER tagger: countries and quantities."""

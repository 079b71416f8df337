"""Named-entity recognition: corpus reading, training, tagging and scoring."""

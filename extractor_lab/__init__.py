"""The extractor's lab: training, evaluation and benchmarks (``extractor-lab``).

It imports the product (``extractor``) to train and score exactly what users
run; the product never imports the lab.
"""

"""Estimates from a sample (#22): a stratified random sample of the walk analysed as a scan
analyses it, then extrapolated to the whole root with 95% intervals.

    sample.py      the seeded, stratified draw (pure, over the walk's FileEntry list)
    estimators.py  the statistics: stratified expansion with Fay-Feuer intervals; Chao2 for unique values
    figures.py     the sampled files' records -> every figure, keyed as in inventory.json
    run.py         run_estimate: walk → draw → analyse into the scan's catalog → estimate → estimate.json
"""

from classifier.estimate.run import EstimateResult, run_estimate
from classifier.estimate.sample import SampleSize, SampleSizeError

__all__ = ["EstimateResult", "SampleSize", "SampleSizeError", "run_estimate"]

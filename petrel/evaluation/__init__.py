"""`petrel eval`: score petrel on annotated news, the way each dataset's README says."""

from petrel.evaluation.runner import DATASETS, evaluate_dataset, locate_dataset

__all__ = ["DATASETS", "evaluate_dataset", "locate_dataset"]

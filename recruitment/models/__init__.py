from .reference import *  # noqa: F403

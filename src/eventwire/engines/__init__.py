"""Engines that run the pipeline's stages somewhere else than this process.

The local engine is ``eventwire.parallel`` (worker processes on this machine); ``ray_engine``
runs the same stages on Ray Data, on this machine or a cluster. Ray is an optional extra:
nothing here imports it until it is used.
"""

"""Demo content for `make run`: texts and data (content.py), images drawn at run time
(images.py) and the loader that builds it all through the project's services (loader.py).

Everything here is invented for the demo except the facts of the June 2024 meeting of NGOs with
the City of Lublin, which follow a real announcement (the texts about it are our own).
"""

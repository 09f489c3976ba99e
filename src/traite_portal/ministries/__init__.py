"""Ministries: local roles from the measures and texts they own, and the
implementation status of the measures they lead (with its timeline)."""

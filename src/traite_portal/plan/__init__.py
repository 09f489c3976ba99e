"""The plan's figures: one row per measure, status on a date, overdue ones.

Read by the dashboard, its exports and charts, the home page and the report.
"""

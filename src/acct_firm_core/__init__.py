"""Pure-Python domain core of the Accounting Firm Suite for Odoo.

Everything here is a plain function over plain values (dates, numbers, lists):
due-date rules, non-working days, periods, prices, scores and predictive models.
Nothing imports ``odoo``, so the core is fast, deterministic and tested anywhere;
the addons store and show its inputs and outputs.
"""

__version__ = "18.0.1.0.0"

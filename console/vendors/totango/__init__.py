"""Totango: run manual SuccessPlays on accounts, and search accounts to find their ids."""

# Bagalau: the two commands of README, and their helpers.
# ODOO_SRC (default /opt/odoo/18.0) names the Odoo 18.0 source tree.
SHELL := /bin/bash
export ODOO_SRC ?= /opt/odoo/18.0
export HTTP_PORT ?= 8069

.PHONY: run test shell stop venv clean help pot bench

help:
	@echo "make run    Odoo with the demo agency on http://localhost:$(HTTP_PORT)"
	@echo "make test   the whole test suite (engine, static checks, real Odoo)"
	@echo "make shell  an Odoo shell on the 'bagalau' database"
	@echo "make stop   stop the private PostgreSQL cluster"
	@echo "make bench  the scale benchmark on a database of its own (N=10000 servants)"

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

shell:
	@bash scripts/shell.sh

stop:
	@bash scripts/pg.sh stop

venv:
	@bash scripts/venv.sh

clean: stop
	@bash scripts/pg.sh remove
	rm -rf .venv .pgdata .odoo

pot:
	@bash scripts/pot.sh

bench:
	@bash scripts/bench.sh

-- A rollup bucket holding all time (used by the stay histogram: see the
-- next migration). Added on its own: PostgreSQL does not let a new enum
-- value be used in the transaction that adds it.
ALTER TYPE "RollupGrain" ADD VALUE 'ALL';

-- The account's exposure, kept on its row: a decision reads one row instead of summing every open reservation of
-- the customer (which grew with every order). It changes in the same statement as the reservation it follows (see
-- CreditAccounts.reserve and release), under the account's row lock, so it always equals the sum below.
ALTER TABLE credit_account ADD COLUMN exposure NUMERIC(19,2) NOT NULL DEFAULT 0 CHECK (exposure >= 0);

-- Nothing may reserve or release while the sum is taken, or the stored exposure would miss it. Writers that do not
-- keep the exposure (an older credit-service) must be stopped before this migration runs.
LOCK TABLE reservation IN SHARE MODE;

UPDATE credit_account AS account SET exposure = open_reservations.total
FROM (SELECT customer_id, sum(amount) AS total FROM reservation WHERE status = 'OPEN' GROUP BY customer_id)
    AS open_reservations
WHERE account.customer_id = open_reservations.customer_id;

-- The admin's list of an account's open reservations, in the order it shows them. Decisions no longer read it;
-- they find an order's reservation by its primary key.
DROP INDEX reservation_open_by_customer;
CREATE INDEX reservation_open_by_customer ON reservation (customer_id, reserved_at, order_id) WHERE status = 'OPEN';

-- Reminders (issue 14): when a guest got their place, on the clock of reminders (pudding_now(),
-- migration 0006). A reminder whose moment passed before the guest was approved is not sent
-- (approved three hours before the start: the 2-hour reminder only, not a late 24-hour one);
-- server/reminders records it as skipped.
ALTER TABLE attendances ADD COLUMN approved_at timestamptz;
UPDATE attendances SET approved_at = updated_at WHERE status = 'APPROVED';

CREATE FUNCTION pudding_attendances_approved_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'APPROVED' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'APPROVED') THEN
        NEW.approved_at := pudding_now();
    ELSIF NEW.status <> 'APPROVED' THEN
        NEW.approved_at := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER attendances_approved_at BEFORE INSERT OR UPDATE OF status ON attendances
    FOR EACH ROW EXECUTE FUNCTION pudding_attendances_approved_at();

-- The scan looks for approved guests of meetups to come.
CREATE INDEX attendances_approved_idx ON attendances (event_id) WHERE status = 'APPROVED';

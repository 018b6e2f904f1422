-- A facility's offices with their dates: whenever organisations.health_centre_id or municipality_id is set or changed,
-- the open link of that kind is closed at the time of the change and a new one opened. Existing facilities get their
-- current links, valid from their creation.
CREATE FUNCTION office_links_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind <> 'facility' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.health_centre_id IS DISTINCT FROM OLD.health_centre_id THEN
    UPDATE office_links SET valid_to = now()
      WHERE facility_id = NEW.id AND kind = 'health_centre' AND valid_to IS NULL;
    IF NEW.health_centre_id IS NOT NULL THEN
      INSERT INTO office_links (facility_id, office_id, kind, valid_from)
        VALUES (NEW.id, NEW.health_centre_id, 'health_centre', now());
    END IF;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.municipality_id IS DISTINCT FROM OLD.municipality_id THEN
    UPDATE office_links SET valid_to = now()
      WHERE facility_id = NEW.id AND kind = 'municipality' AND valid_to IS NULL;
    IF NEW.municipality_id IS NOT NULL THEN
      INSERT INTO office_links (facility_id, office_id, kind, valid_from)
        VALUES (NEW.id, NEW.municipality_id, 'municipality', now());
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_office_links AFTER INSERT OR UPDATE OF health_centre_id, municipality_id ON organisations
  FOR EACH ROW EXECUTE FUNCTION office_links_follow();
--> statement-breakpoint
INSERT INTO office_links (facility_id, office_id, kind, valid_from)
  SELECT id, health_centre_id, 'health_centre', created_at FROM organisations
  WHERE kind = 'facility' AND health_centre_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO office_links (facility_id, office_id, kind, valid_from)
  SELECT id, municipality_id, 'municipality', created_at FROM organisations
  WHERE kind = 'facility' AND municipality_id IS NOT NULL;

-- One way of counting characters everywhere (infrastructure.text.CharacterCount): code points,
-- line breaks not counted. The CHECKs that still counted line breaks now agree with it, so a text
-- the application accepts is never refused by the database (a 500).
alter table offline_event drop constraint offline_event_place_ck;
alter table offline_event add constraint offline_event_place_ck
    check (btrim(place) <> '' and char_length(translate(place, E'\r\n', '')) <= 200);
alter table offline_event drop constraint offline_event_enterprise_ck;
alter table offline_event add constraint offline_event_enterprise_ck
    check (char_length(translate(enterprise, E'\r\n', '')) <= 200);
alter table offline_event drop constraint offline_event_description_ck;
alter table offline_event add constraint offline_event_description_ck
    check (btrim(description) <> '' and char_length(translate(description, E'\r\n', '')) <= 2000);
alter table entry_judgement drop constraint entry_judgement_note_ck;
alter table entry_judgement add constraint entry_judgement_note_ck
    check (char_length(translate(note, E'\r\n', '')) <= 500);

-- Names are shown in breadcrumbs, pickers and printed forms; the limits keep them usable there and
-- are also checked by the forms and the Excel import, which report them in Chinese.
alter table organisation
    add constraint organisation_name_length_ck check (char_length(name) <= 100),
    add constraint organisation_short_name_length_ck check (short_name is null or char_length(short_name) <= 50);

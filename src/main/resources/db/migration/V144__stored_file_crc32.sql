-- Issue 14 item 6: the CRC-32 (ZIP's checksum, java.util.zip.CRC32) of a stored file's bytes, computed with the
-- SHA-256 while the bytes are stored, so that a package writing the file as a STORED ZIP entry (whose header
-- carries the CRC before the bytes) reads the file once instead of twice. Null for the files stored before
-- (and for an upload whose running checksum was lost): StoredFiles.crc32 fills it from the bytes the first
-- time it is asked, reading without a database connection. The range of an unsigned 32-bit value.
alter table stored_file
    add column crc32 bigint constraint stored_file_crc32_ck check (crc32 between 0 and 4294967295),
    add constraint stored_file_crc32_completed_ck check (crc32 is null or completed_at is not null);

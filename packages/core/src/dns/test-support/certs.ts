/**
 * A throwaway certificate authority and server certificate for the DoH tests, generated once
 * with openssl (P-256, valid until 2126) so that tests need no openssl at run time. The key
 * protects nothing: the server only ever listens on loopback inside a test.
 * The server certificate names doh.test, localhost, 127.0.0.1 and ::1.
 */

/** The test CA certificate (PEM). */
export const testCaPem = `-----BEGIN CERTIFICATE-----
MIIBmjCCAT+gAwIBAgIUPAY0SfH8B/SDS7H5KtXrnlNY0CwwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOcGFzdG9lIHRlc3QgQ0EwIBcNMjYxMTIzMTUxMjM2WhgPMjEy
NjEwMzAxNTEyMzZaMBkxFzAVBgNVBAMMDnBhc3RvZSB0ZXN0IENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEJmEab1JRuwlKYehiGzhMkdIZJufl8U1ZnuuEHBB/
704YKRZVTuzZ0fugmrKTfiksvlu4zI8joE7biBsmU0otAaNjMGEwHQYDVR0OBBYE
FC1F81ZaNptCOiZgkIwaiFbpivVoMB8GA1UdIwQYMBaAFC1F81ZaNptCOiZgkIwa
iFbpivVoMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMAoGCCqGSM49
BAMCA0kAMEYCIQD41RPVhmpDYtcxWCDEgf4nIP3qiFUC+K18l+dWqWRk/AIhAJ3M
0kF8NPUjsIklsNnFETHaHjbuI09LDD0Kqj/4Tt0Z
-----END CERTIFICATE-----
`;

/** The server certificate for doh.test, localhost, 127.0.0.1 and ::1, signed by {@link testCaPem}. */
export const testServerCertPem = `-----BEGIN CERTIFICATE-----
MIIB2TCCAX+gAwIBAgIULEccBB1lo3+JDPB3xXxC7JqphUEwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOcGFzdG9lIHRlc3QgQ0EwIBcNMjYxMTIzMTUxMjM2WhgPMjEy
NjEwMzAxNTEyMzZaMBMxETAPBgNVBAMMCGRvaC50ZXN0MFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEZxwiT4V38FlkKUlqRamVlc+/xD38f73rmxuo4ROHODTseHA8
TCOVlFxfXBNxZwHaB8Ge1UJ+rOMMTAAQelxuoaOBqDCBpTA2BgNVHREELzAtgghk
b2gudGVzdIIJbG9jYWxob3N0hwR/AAABhxAAAAAAAAAAAAAAAAAAAAABMAkGA1Ud
EwQCMAAwEwYDVR0lBAwwCgYIKwYBBQUHAwEwCwYDVR0PBAQDAgeAMB0GA1UdDgQW
BBTp0D/BlpmVrNmGf/e9hAdmTDSwnTAfBgNVHSMEGDAWgBQtRfNWWjabQjomYJCM
GohW6Yr1aDAKBggqhkjOPQQDAgNIADBFAiEA6gJZvNmcZh0UAZNTTHQuxCYYMrh6
uOXLjK3wwuR1HpwCIBDXYU8npSgPdvOyfcdMBC2brX9uGS2l9JPRydHsZbYO
-----END CERTIFICATE-----
`;

/** The private key of {@link testServerCertPem}. */
export const testServerKeyPem = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6H+7ZZ6FjZ+b+PmO
EhJFhe7KCUY0kWpRIRARCaN6uTOhRANCAARnHCJPhXfwWWQpSWpFqZWVz7/EPfx/
veubG6jhE4c4NOx4cDxMI5WUXF9cE3FnAdoHwZ7VQn6s4wxMABB6XG6h
-----END PRIVATE KEY-----
`;

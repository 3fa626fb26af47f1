/** The version of pastoe that produced a report (kept equal to the package version by a test). */
export const pastoeVersion = '0.2.0';

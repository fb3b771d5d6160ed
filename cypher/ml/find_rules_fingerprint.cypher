// The fingerprint of the ML name rules the stored labels were last computed with.
// Parameters: none. Returns: fingerprint (no row when never classified)
MATCH (s:MlRules {id: 'rules'})
RETURN s.fingerprint AS fingerprint

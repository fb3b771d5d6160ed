// Records the fingerprint of the ML name rules the stored labels now follow.
// Parameters: $fingerprint, $modelPatterns, $featurePatterns. Returns: nothing
MERGE (s:MlRules {id: 'rules'})
SET s.fingerprint = $fingerprint, s.modelPatterns = $modelPatterns, s.featurePatterns = $featurePatterns,
    s.classifiedAt = datetime()

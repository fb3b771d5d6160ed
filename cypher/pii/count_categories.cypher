// How many personal fields carry each category.
// Parameters: none
// Returns: category, fields
MATCH (f:Field) WHERE f.piiState IS NOT NULL
UNWIND f.piiCategories AS category
RETURN category, count(*) AS fields
ORDER BY fields DESC, category

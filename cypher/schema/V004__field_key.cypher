// A field is identified by its dataset and its path (dotted for nested struct fields).
CREATE CONSTRAINT field_key IF NOT EXISTS FOR (f:Field) REQUIRE (f.namespace, f.dataset, f.path) IS UNIQUE

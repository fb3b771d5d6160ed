package dev.provenant.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provenant.support.PiiPropagation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A model and its personal data for the compliance pages, in namespaces of the caller's choosing:
 * {@code crm.customers (id, email)} owned by team:crm -> load_customers (email copied, and hashed into
 * email_hash) -> {@code raw.customers} owned by team:data-platform -> train_churn (parameters, metrics,
 * code version) -> {@code models.churn}. A steward declares {@code crm.customers.email} an e-mail address.
 */
final class ComplianceStory {

    final String crm;
    final String lake;
    final String jobs;
    final String trainRun = UUID.randomUUID().toString();

    ComplianceStory(String prefix) {
        this.crm = "postgres://" + prefix + "-crm:5432";
        this.lake = "s3://" + prefix + "-lake";
        this.jobs = prefix + "-jobs";
    }

    ComplianceStory load() {
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-05-01T10:00:00Z","producer":"https://provenant.dev/tests/compliance-pages",
                 "run":{"runId":"%s"},
                 "job":{"namespace":"%s","name":"load_customers","facets":{"sourceCodeLocation":{"_producer":"p","_schemaURL":"s",
                   "type":"git","url":"https://git.example/etl/blob/abc123/load.py","repoUrl":"https://git.example/etl.git",
                   "path":"load.py","version":"abc123","branch":"main"}}},
                 "inputs":[{"namespace":"%s","name":"crm.customers","facets":{
                   "schema":{"_producer":"p","_schemaURL":"s","fields":[{"name":"id","type":"int"},{"name":"email","type":"text"}]},
                   "ownership":{"_producer":"p","_schemaURL":"s","owners":[{"name":"team:crm","type":"TEAM"}]}}}],
                 "outputs":[{"namespace":"%s","name":"raw.customers","facets":{
                   "schema":{"_producer":"p","_schemaURL":"s","fields":[{"name":"id","type":"int"},{"name":"email","type":"text"},{"name":"email_hash","type":"text"}]},
                   "ownership":{"_producer":"p","_schemaURL":"s","owners":[{"name":"team:data-platform","type":"TEAM"}]},
                   "columnLineage":{"_producer":"p","_schemaURL":"s","fields":{
                     "id":{"inputFields":[{"namespace":"%s","name":"crm.customers","field":"id","transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]},
                     "email":{"inputFields":[{"namespace":"%s","name":"crm.customers","field":"email","transformations":[{"type":"DIRECT","subtype":"IDENTITY"}]}]},
                     "email_hash":{"inputFields":[{"namespace":"%s","name":"crm.customers","field":"email","transformations":[{"type":"DIRECT","subtype":"TRANSFORMATION","masking":true}]}]}}}}}]}
                """.formatted(UUID.randomUUID(), jobs, crm, lake, crm, crm, crm));
        post("""
                {"eventType":"COMPLETE","eventTime":"2026-05-02T09:30:00Z","producer":"https://provenant.dev/tests/compliance-pages",
                 "run":{"runId":"%s","facets":{"trainingParameters":{"_producer":"p","_schemaURL":"s","learning_rate":0.05}}},
                 "job":{"namespace":"%s","name":"train_churn","facets":{"sourceCodeLocation":{"_producer":"p","_schemaURL":"s",
                   "type":"git","url":"https://git.example/ml/blob/def456/train.py","repoUrl":"https://git.example/ml.git",
                   "path":"train.py","version":"def456"}}},
                 "inputs":[{"namespace":"%s","name":"raw.customers"}],
                 "outputs":[{"namespace":"%s","name":"models.churn","facets":{
                   "datasetType":{"_producer":"p","_schemaURL":"s","datasetType":"MODEL","subType":""}},
                   "outputFacets":{"modelMetrics":{"_producer":"p","_schemaURL":"s","auc":0.87}}}]}
                """.formatted(trainRun, jobs, lake, lake));
        PiiPropagation.awaitIdle();
        UiStory.patient().contentType("application/json").body(Map.of("namespace", crm, "name", "crm.customers",
                "field", "email", "categories", List.of("email"), "reason", "the customer's e-mail address"))
                .post("/api/v1/pii/declarations").then().statusCode(201);
        return this;
    }

    private static void post(String event) {
        int status = UiStory.patient().contentType("application/json").body(event).post("/api/v1/lineage").statusCode();
        assertThat(status).as(event).isIn(200, 201);
    }
}

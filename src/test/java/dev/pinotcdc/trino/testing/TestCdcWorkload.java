package dev.pinotcdc.trino.testing;

import dev.pinotcdc.trino.testing.CdcWorkload.WorkloadStatement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class TestCdcWorkload
{
    @Test
    void testSameSeedSameStatements()
    {
        assertThat(statements(CdcWorkload.create(42), 200)).isEqualTo(statements(CdcWorkload.create(42), 200));
        assertThat(statements(CdcWorkload.create(42), 200)).isNotEqualTo(statements(CdcWorkload.create(43), 200));
    }

    @Test
    void testEveryOperationOccurs()
    {
        CdcWorkload workload = CdcWorkload.create(7);
        statements(workload, 300);
        workload.truncateTransaction();
        assertThat(workload.counts().keySet()).containsExactlyInAnyOrder(CdcWorkload.Operation.values());
        assertThat(workload.transactions()).isEqualTo(301);
    }

    @Test
    void testSchema()
    {
        CdcWorkload workload = CdcWorkload.create(1);
        assertThat(workload.tables()).extracting(CdcWorkload.WorkloadTable::replicaIdentity)
                .contains(CdcWorkload.ReplicaIdentity.DEFAULT, CdcWorkload.ReplicaIdentity.FULL);
        assertThat(workload.tables()).anySatisfy(table -> assertThat(table.keyColumns()).hasSize(2));
        assertThat(workload.schemaStatements()).first().asString().startsWith("CREATE TYPE " + CdcWorkload.ENUM_TYPE);
    }

    private static List<WorkloadStatement> statements(CdcWorkload workload, int transactions)
    {
        List<WorkloadStatement> statements = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            statements.addAll(workload.nextTransaction());
        }
        return statements;
    }
}

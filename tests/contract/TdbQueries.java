// Runs SPARQL query files against a Jena TDB2 location in one JVM, over the union of its named graphs
// (the setting `tdb2.tdbquery --set tdb:unionDefaultGraph=true` makes), writing FILE.csv beside each FILE.
// Usage, through the Jena wrapper (a Java source file runs in source-file mode): jena TdbQueries.java LOC Q.rq...
import java.io.FileOutputStream;
import java.io.OutputStream;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

public class TdbQueries {
    public static void main(String[] args) throws Exception {
        ARQ.getContext().set(TDB2.symUnionDefaultGraph, true);
        Dataset dataset = TDB2Factory.connectDataset(args[0]);
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            Txn.executeRead(dataset, () -> {
                try (QueryExecution exec = QueryExecutionFactory.create(QueryFactory.read(file), dataset);
                     OutputStream out = new FileOutputStream(file + ".csv")) {
                    ResultSetFormatter.outputAsCSV(out, exec.execSelect());
                } catch (java.io.IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }
}

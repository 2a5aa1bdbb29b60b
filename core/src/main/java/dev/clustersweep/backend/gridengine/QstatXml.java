package dev.clustersweep.backend.gridengine;

import dev.clustersweep.tasks.TaskList;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads {@code qstat -xml}: every {@code job_list} element, running ones under queue_info (one per
 * task), pending ones under job_info (task ranges such as {@code 10-14:1,16,17}).
 */
public final class QstatXml {

    private QstatXml() {
    }

    public static QueueSnapshot parse(String xml) {
        Document doc = read(xml);
        Map<String, List<QueueSnapshot.Entry>> jobs = new LinkedHashMap<>();
        NodeList lists = doc.getElementsByTagName("job_list");
        for (int i = 0; i < lists.getLength(); i++) {
            Element job = (Element) lists.item(i);
            String id = text(job, "JB_job_number");
            String state = text(job, "state");
            if (id == null || state == null) {
                continue;
            }
            String tasks = text(job, "tasks");
            TaskList ids = tasks == null || tasks.isEmpty() ? null : TaskList.parse(tasks);
            jobs.computeIfAbsent(id, k -> new ArrayList<>()).add(new QueueSnapshot.Entry(ids, state));
        }
        return new QueueSnapshot(jobs);
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Document read(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // qstat's output is trusted, but a parser that fetches nothing is cheap insurance.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("unreadable qstat -xml output: " + e.getMessage(), e);
        }
    }
}

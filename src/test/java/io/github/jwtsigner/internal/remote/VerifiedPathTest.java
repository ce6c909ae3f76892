package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifiedPathTest {
    private static final X509Certificate[] NO_ANCHORS = new X509Certificate[0];

    private static TestPki.Ca root;
    private static TestPki.Ca intermediate;
    private static X509Certificate leaf;

    @BeforeAll
    static void certificates() {
        root = TestPki.newCa("Path Test Root");
        intermediate = root.issueCa("Path Test Intermediate");
        leaf = intermediate.issue("keys.example.com").certificate;
    }

    private static List<X509Certificate> path(X509Certificate[] anchors, X509Certificate... presented) {
        return new VerifiedPath(anchors).from(presented);
    }

    @Test
    void followsEachIssuerFromTheLeafToTheRoot() {
        assertEquals(List.of(leaf, intermediate.certificate, root.certificate),
                path(NO_ANCHORS, leaf, intermediate.certificate, root.certificate));
    }

    @Test
    void findsIssuersInAnyOrder() {
        assertEquals(List.of(leaf, intermediate.certificate, root.certificate),
                path(NO_ANCHORS, leaf, root.certificate, intermediate.certificate));
    }

    @Test
    void leavesOutCertificatesThatSignedNothingOnThePath() {
        TestPki.Ca other = TestPki.newCa("Path Test Other");
        X509Certificate otherLeaf = other.issue("keys.example.com").certificate;
        assertEquals(List.of(leaf, intermediate.certificate),
                path(NO_ANCHORS, leaf, other.certificate, otherLeaf, intermediate.certificate));
        assertEquals(List.of(otherLeaf), path(NO_ANCHORS, otherLeaf, leaf, intermediate.certificate, root.certificate));
    }

    @Test
    void isOnlyTheLeafWhenNoIssuerIsSent() {
        assertEquals(List.of(leaf), path(NO_ANCHORS, leaf));
    }

    @Test
    void aCertificateWithTheIssuersNameButAnotherKeyIsNotAnIssuer() {
        TestPki.Ca impostor = root.issueCa("Path Test Intermediate");
        assertEquals(impostor.certificate.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(List.of(leaf), path(NO_ANCHORS, leaf, impostor.certificate));
        assertEquals(List.of(leaf, intermediate.certificate, root.certificate),
                path(NO_ANCHORS, leaf, impostor.certificate, intermediate.certificate, root.certificate));
    }

    @Test
    void aTrustAnchorWithTheIssuersNameButAnotherKeyIsNotAnIssuer() {
        TestPki.Ca impostorRoot = TestPki.newCa("Path Test Root");
        assertEquals(List.of(leaf, intermediate.certificate),
                path(new X509Certificate[] {impostorRoot.certificate}, leaf, intermediate.certificate));
    }

    @Test
    void findsAnIssuerTheServerDoesNotSendAmongTheTrustAnchors() {
        X509Certificate unrelated = TestPki.newCa("Path Test Unrelated Anchor").certificate;
        assertEquals(List.of(leaf, intermediate.certificate, root.certificate),
                path(new X509Certificate[] {unrelated, root.certificate}, leaf, intermediate.certificate));
    }

    @Test
    void followsACrossCertificateToTheCaThatSignedIt() {
        TestPki.Ca other = TestPki.newCa("Path Test Cross Signer");
        X509Certificate rootByOther = other.crossSign(root);
        assertEquals(List.of(leaf, intermediate.certificate, rootByOther, other.certificate),
                path(NO_ANCHORS, leaf, intermediate.certificate, rootByOther, other.certificate));
    }

    @Test
    void endsOnCasThatSignEachOther() {
        TestPki.Ca a = TestPki.newCa("Path Test Loop A");
        TestPki.Ca b = TestPki.newCa("Path Test Loop B");
        X509Certificate aByB = b.crossSign(a);
        X509Certificate bByA = a.crossSign(b);
        X509Certificate leafOfA = a.issue("keys.example.com").certificate;
        List<X509Certificate> path = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> path(new X509Certificate[] {aByB, bByA}, leafOfA, bByA, aByB, bByA, aByB));
        assertEquals(List.of(leafOfA, aByB, bByA), path);
    }

    @Test
    void followsAtMostTheBoundedNumberOfSteps() {
        List<TestPki.Ca> cas = new ArrayList<>(List.of(TestPki.newCa("Path Test Deep 0")));
        for (int i = 1; i <= VerifiedPath.MAX_STEPS + 2; i++) {
            cas.add(cas.get(i - 1).issueCa("Path Test Deep " + i));
        }
        X509Certificate deepLeaf = cas.get(cas.size() - 1).issue("deep.example").certificate;
        List<X509Certificate> sent = new ArrayList<>(List.of(deepLeaf));
        List<X509Certificate> caCertificates = new ArrayList<>();
        for (TestPki.Ca ca : cas) {
            caCertificates.add(ca.certificate);
        }
        Collections.reverse(caCertificates);
        sent.addAll(caCertificates);

        List<X509Certificate> path = path(NO_ANCHORS, sent.toArray(new X509Certificate[0]));

        assertEquals(sent.subList(0, VerifiedPath.MAX_STEPS + 1), path);
    }

    @Test
    void isEmptyWhenNothingIsPresented() {
        assertEquals(List.of(), path(NO_ANCHORS));
    }
}

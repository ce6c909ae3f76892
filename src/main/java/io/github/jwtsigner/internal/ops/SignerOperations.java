package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.rotation.KeyRing;

import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One signer's operations: its counters (the MXBean {@code io.github.jwtsigner:type=Signer,name=<filter-name>}),
 * their mirror in a Micrometer registry when one was given, and the audit trail of the tokens it issues.
 *
 * <p>The request thread only adds to {@link LongAdder}s and, when the audit logger is on, formats one line per
 * token; the MXBean reads the adders from the JMX thread.
 *
 * <p>Thread-safe.
 */
public final class SignerOperations extends KeyHealthAttributes implements SignerMXBean, AutoCloseable {
    private static final Reason[] REASONS = Reason.values();

    private final KeyRing<TokenSigner> ring;
    private final List<String> members;
    private final Meters.Signer meters;
    private final AuditLog audit;
    private final LongAdder signed = new LongAdder();
    private final LongAdder passed = new LongAdder();
    private final LongAdder[] failed = adders(REASONS.length);
    private final LongAdder[] tokens;
    private final PayloadSigner.Issued counting = this::count;
    /** Per {@code keys_to_sign} entry: the start of its audit lines, and the key it was made for. */
    private final AtomicReferenceArray<Prefix> prefixes;
    private volatile Jmx.Registration registration = Jmx.Registration.NONE;

    SignerOperations(String name, String contextPath, KeyRing<TokenSigner> ring, List<JsonPointer> members,
            Meters.Signer meters, AuditLog audit) {
        super(name, contextPath);
        this.ring = ring;
        this.members = members.stream().map(JsonPointer::toString).toList();
        this.meters = meters;
        this.audit = audit;
        this.tokens = adders(members.size());
        this.prefixes = new AtomicReferenceArray<>(members.size());
    }

    /** The start of the audit lines of one member, made for one key; the key changes on rotation. */
    private record Prefix(TokenSigner signer, String text) {
    }

    /**
     * Starts the operations of one signer filter: its MXBean registered, its meters in {@code meterRegistry}.
     *
     * @param members the {@code keys_to_sign} entries, each once, as {@link PayloadSigner#keysToSign()} has them
     * @param meterRegistry a Micrometer {@code MeterRegistry}, or null for JMX alone
     */
    public static SignerOperations start(String name, String contextPath, KeyRing<TokenSigner> ring,
            List<JsonPointer> members, Object meterRegistry, Logger log) {
        Meters.Signer meters = GuardedMeters.signer(MeterRegistries.signer(meterRegistry, name, members, ring::health),
                name, log);
        SignerOperations ops = new SignerOperations(name, contextPath, ring, members, meters, AuditLog.create());
        ops.registration = Jmx.register("Signer", name, ops, SignerMXBean.class, log);
        return ops;
    }

    /** Counters with no ring, no MXBean and no meters: for plumbing built by hand in tests and benchmarks. */
    public static SignerOperations unregistered(List<JsonPointer> members) {
        return new SignerOperations("", "", null, members, Meters.NO_SIGNER, AuditLog.create());
    }

    /** The response passed through untouched. */
    public void passed() {
        passed.increment();
        meters.passed();
    }

    /** The response failed closed, or was refused to the container, for {@code reason}. */
    public void failedClosed(Reason reason) {
        failed[reason.ordinal()].increment();
        meters.failedClosed(reason);
    }

    /** {@link System#nanoTime()} when the signing time is measured, else 0: pass it to {@link #signed(long)}. */
    public long startNanos() {
        return meters.timed() ? System.nanoTime() : 0;
    }

    /** A response was written signed; {@code startNanos} from {@link #startNanos()}. */
    public void signed(long startNanos) {
        signed.increment();
        meters.signed(startNanos == 0 ? 0 : System.nanoTime() - startNanos);
    }

    /** True when the audit logger writes: only then is a {@link RequestLine} worth making. */
    public boolean auditing() {
        return audit.enabled();
    }

    /**
     * What to tell {@link PayloadSigner#sign(String, PayloadSigner.Issued)} of each token of one response: counted,
     * and with {@code request} (null when not {@link #auditing()}) one audit line each.
     */
    public PayloadSigner.Issued issued(RequestLine request) {
        if (request == null) {
            return counting;
        }
        String requestText = AuditLog.requestText(request);
        return (entry, signer, claims) -> {
            count(entry, signer, claims);
            String prefix;
            try {
                prefix = prefix(entry, signer);
            } catch (RuntimeException e) {
                // A line that cannot be made must not fail the login it is about.
                audit.failed("authn_token_created", e);
                return;
            }
            audit.tokenCreated(prefix, claims, requestText);
        };
    }

    private String prefix(int entry, TokenSigner signer) {
        Prefix p = prefixes.get(entry);
        if (p == null || p.signer() != signer) {
            p = new Prefix(signer, AuditLog.createdPrefix(getName(), members.get(entry), signer));
            prefixes.set(entry, p);
        }
        return p.text();
    }

    private void count(int entry, TokenSigner signer, ObjectNode claims) {
        tokens[entry].increment();
        meters.token(entry, signer);
    }

    /** Unregisters the MXBean and removes the meters. */
    @Override
    public void close() {
        registration.close();
        meters.close();
    }

    @Override
    KeyRing.Health health() {
        return ring == null ? null : ring.health();
    }

    @Override
    String source() {
        return ring == null ? null : ring.description();
    }

    @Override
    public long getSigned() {
        return signed.sum();
    }

    @Override
    public long getPassedThrough() {
        return passed.sum();
    }

    @Override
    public long getFailedClosed() {
        return total(failed);
    }

    @Override
    public Map<String, Long> getFailedClosedByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Reason r : REASONS) {
            byReason.put(r.name(), failed[r.ordinal()].sum());
        }
        return byReason;
    }

    @Override
    public long getTokensIssued() {
        return total(tokens);
    }

    @Override
    public Map<String, Long> getTokensIssuedByMember() {
        Map<String, Long> byMember = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            byMember.put(members.get(i), tokens[i].sum());
        }
        return byMember;
    }

    @Override
    public String getAlgorithm() {
        return ring == null ? null : ring.get().alg().jwaName();
    }

    @Override
    public String getKeyId() {
        return ring == null ? null : ring.get().kid();
    }

    /** The registered name, for tests; null when none was registered. */
    javax.management.ObjectName objectName() {
        return registration.name();
    }
}

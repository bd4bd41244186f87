package vn.lienthong.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An operator's SMSC for tests, on jSMPP's server API: accepts binds with one system id and password,
 * delivers mobile-originated messages ({@code deliver_sm}, concatenated with a UDH when asked) and
 * keeps every {@code submit_sm} the gateway sends, joining concatenated parts again.
 */
final class SmscSimulator implements ServerMessageReceiverListener, AutoCloseable {

    /** A reply as the phone would see it. */
    record Mt(String from, String to, String text, int parts) {
    }

    private record Part(String from, String to, int ref, int total, int seq, byte[] data) {
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<BindType> binds = new CopyOnWriteArrayList<>();
    private final List<Mt> singles = new CopyOnWriteArrayList<>();
    private final List<Part> parts = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AtomicInteger references = new AtomicInteger();
    private SMPPServerSessionListener listener;
    private Thread acceptor;

    SmscSimulator(int port, String systemId, String password) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
    }

    SmscSimulator start() throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(this);
        acceptor = new Thread(this::acceptLoop, "smsc-simulator");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void acceptLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SMPPServerSession session = listener.accept();
                // jsmpp waits 2 s for the gateway's deliver_sm_resp by default; a gateway on a
                // machine busy with other builds took longer (SmppSmsIT failed 2 runs in 3)
                session.setTransactionTimer(Waits.SIGNAL.toMillis());
                Thread binder = new Thread(() -> bind(session), "smsc-bind");
                binder.setDaemon(true);
                binder.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (systemId.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                request.accept(systemId, InterfaceVersion.IF_34);
                sessions.add(session);
                binds.add(request.getBindType());
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (Exception e) {
            session.close();
        }
    }

    List<BindType> binds() {
        return List.copyOf(binds);
    }

    /** Cuts every bind, as an SMSC restart or a network failure does. */
    void dropBinds() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** A message from a phone, in one part. */
    void deliver(String sender, String shortCode, String text) throws Exception {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        byte[] data = ascii ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_16BE);
        deliver(sender, shortCode, new ESMClass(), coding(ascii), data);
    }

    /** A long message from a phone in UCS-2 parts of at most 67 characters, each with a concatenation UDH. */
    void deliverConcatenated(String sender, String shortCode, String text) throws Exception {
        int ref = references.incrementAndGet() & 0xff;
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 67) {
            chunks.add(text.substring(i, Math.min(text.length(), i + 67)));
        }
        for (int seq = 1; seq <= chunks.size(); seq++) {
            ByteArrayOutputStream sm = new ByteArrayOutputStream();
            sm.writeBytes(new byte[] {0x05, 0x00, 0x03, (byte) ref, (byte) chunks.size(), (byte) seq});
            sm.writeBytes(chunks.get(seq - 1).getBytes(StandardCharsets.UTF_16BE));
            deliver(sender, shortCode, new ESMClass(0x40), coding(false), sm.toByteArray());
        }
    }

    private static DataCoding coding(boolean ascii) {
        return ascii ? new GeneralDataCoding(Alphabet.ALPHA_DEFAULT) : new GeneralDataCoding(Alphabet.ALPHA_UCS2);
    }

    private void deliver(String sender, String shortCode, ESMClass esm, DataCoding coding, byte[] data) throws Exception {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bound session"));
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sender,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, shortCode, esm, (byte) 0, (byte) 0,
                new RegisteredDelivery(0), coding, data);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        byte[] sm = submit.getShortMessage();
        boolean ucs2 = (submit.getDataCoding() & 0xff) == 0x08;
        if (submit.isUdhi()) {
            int udhLength = sm[0] & 0xff;
            byte[] data = java.util.Arrays.copyOfRange(sm, 1 + udhLength, sm.length);
            parts.add(new Part(submit.getSourceAddr(), submit.getDestAddress(), sm[3] & 0xff, sm[4] & 0xff, sm[5] & 0xff, data));
        } else {
            singles.add(new Mt(submit.getSourceAddr(), submit.getDestAddress(),
                    new String(sm, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1), 1));
        }
        try {
            return new SubmitSmResult(new MessageId(Integer.toHexString(messageIds.incrementAndGet())), new OptionalParameter[0]);
        } catch (org.jsmpp.PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    /** Replies received, concatenated parts (UCS-2) joined. */
    List<Mt> replies() {
        List<Mt> all = new ArrayList<>(singles);
        Map<String, TreeMap<Integer, Part>> messages = new LinkedHashMap<>();
        for (Part p : parts) {
            messages.computeIfAbsent(p.to() + "/" + p.ref() + "/" + p.total(), k -> new TreeMap<>()).put(p.seq(), p);
        }
        for (TreeMap<Integer, Part> m : messages.values()) {
            Part first = m.firstEntry().getValue();
            if (m.size() == first.total()) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                m.values().forEach(p -> data.writeBytes(p.data()));
                all.add(new Mt(first.from(), first.to(), data.toString(StandardCharsets.UTF_16BE), first.total()));
            }
        }
        return all;
    }

    List<Mt> repliesTo(String number) {
        return replies().stream().filter(m -> m.to().equals(number)).toList();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void close() throws IOException {
        if (acceptor != null) {
            acceptor.interrupt();
        }
        if (listener != null) {
            listener.close();
        }
        dropBinds();
    }
}

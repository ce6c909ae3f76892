package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * A servlet behind the validator that reaches its answer another way than on the request thread: by path info,
 * {@code /async-dispatch} starts async and dispatches back to itself, {@code /async-start} answers from
 * {@code AsyncContext.start} through {@code getRequest()}, {@code /forward} forwards to {@code /report},
 * {@code /error} and {@code /conflict} send a 418 and a 409 for their error pages; anything else (and any ASYNC
 * or ERROR dispatch) is reported: the dispatch type, the principal, the remote user and the {@code X-User} header,
 * as JSON.
 *
 * <p>Loaded from the class path, as {@link RecordingServlet}.
 */
public class DispatchReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String what = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (req.getDispatcherType() == DispatcherType.ASYNC || req.getDispatcherType() == DispatcherType.ERROR) {
            report(req, resp);
        } else if (what.equals("/async-dispatch")) {
            req.startAsync().dispatch();
        } else if (what.equals("/async-start")) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    report((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        } else if (what.equals("/forward")) {
            req.getRequestDispatcher(req.getServletPath() + "/report").forward(req, resp);
        } else if (what.equals("/error")) {
            resp.sendError(418);
        } else if (what.equals("/conflict")) {
            resp.sendError(409);
        } else {
            report(req, resp);
        }
    }

    private static void report(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObject out = new JsonObject();
        out.addProperty("dispatch", req.getDispatcherType().name());
        Principal principal = req.getUserPrincipal();
        out.addProperty("principal", principal == null ? null : principal.getName());
        out.addProperty("remoteUser", req.getRemoteUser());
        out.addProperty("xUser", req.getHeader("X-User"));
        if (req.getDispatcherType() != DispatcherType.ERROR) {
            resp.setStatus(200);
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(out.toString());
    }
}

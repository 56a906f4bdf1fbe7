package org.tribune.web.config;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletRequest;

/**
 * Leaves a request's character encoding alone once it has one. {@link RequestLimits} sets UTF-8 on
 * every request that names none and may read a form's fields before Faces runs; Faces then sets the
 * encoding of each request again, which the server refuses after the fields were read, with a
 * warning in the log for every form sent.
 */
public class RequestEncoding extends ViewHandlerWrapper {
  public RequestEncoding(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void initView(FacesContext context) {
    Object request = context.getExternalContext().getRequest();
    if (request instanceof ServletRequest servletRequest
        && servletRequest.getCharacterEncoding() != null) {
      return;
    }
    super.initView(context);
  }
}
